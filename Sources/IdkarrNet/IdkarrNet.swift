// IdkarrNet
