"""psplan — track the indicators of China's five-year public-service plans.

The package import is kept light: heavy modules (rich, openpyxl, renderers) are imported by
the functions that need them, so `import psplan` and `psplan --version` stay fast.
"""

__version__ = "0.1.0"
