"""Run app versions side by side under real servers and compare them."""
