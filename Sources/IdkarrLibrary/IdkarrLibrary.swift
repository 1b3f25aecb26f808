// IdkarrLibrary
