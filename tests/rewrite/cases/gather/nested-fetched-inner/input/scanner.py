import requests


class Scanner:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, path):
        r = self.session.get(f"{self.base}{path}", timeout=10)
        r.raise_for_status()
        return r.json()

    def list_repos(self, org):
        return self.get(f"/orgs/{org}/repos")

    def issue_counts(self, orgs):
        counts = {}
        total = 0
        for org in orgs:
            for repo in self.list_repos(org):
                issues = self.get(f"/repos/{org}/{repo}/issues")
                counts[f"{org}/{repo}"] = len(issues)
                total += len(issues)
        return counts, total
