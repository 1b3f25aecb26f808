// placeholder, replaced below
print("stub")
