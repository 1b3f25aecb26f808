// IdkarrStore
