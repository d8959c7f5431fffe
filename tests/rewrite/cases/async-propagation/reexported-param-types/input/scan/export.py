def export_stars(scanner, org, names):
    """Stars per repo of an organisation."""
    stars = {}
    for name in names:
        stats = scanner.get(f"/repos/{org}/{name}/stats")
        stars[name] = stats["stars"]
    return stars
