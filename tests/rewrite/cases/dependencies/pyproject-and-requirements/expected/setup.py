from setuptools import setup

setup(name="app", install_requires=["flask[async]", "httpx>=0.27"])
