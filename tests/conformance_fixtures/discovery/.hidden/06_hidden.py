print("discovery fixture; never run")
