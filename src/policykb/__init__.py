"""policykb: a government policy as checkable work, letters, battle maps and a site."""
from importlib import metadata

try:
    __version__ = metadata.version("policykb")
except metadata.PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
