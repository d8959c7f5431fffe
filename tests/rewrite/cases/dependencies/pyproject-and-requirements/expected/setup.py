from setuptools import setup

setup(name="app", install_requires=["flask", "requests"])
