"""Package list for setuptools (everything else is in pyproject.toml).

pyproject.toml cannot both discover packages and add one that lives elsewhere, so
this file lists the ``journeymap.*`` packages it finds plus ``journeymap.resources``:
the top-level ``resources/`` folder (mapped in ``[tool.setuptools.package-dir]``),
installed as package data with each of its folders."""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCES = ["journeymap.resources",
             *(f"journeymap.resources.{p}" for p in find_namespace_packages(where="resources"))]

setup(packages=[*find_packages(include=["journeymap", "journeymap.*"]), *RESOURCES])
