"""pix-enhancer: the Pix certification results file, explained in the file."""

__version__ = "0.1.0"
