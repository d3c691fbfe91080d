"""``python -m dragoman``: the command line, as the ``dragoman`` script runs it."""
from ._cli import main

main()
