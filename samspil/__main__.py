"""``python -m samspil`` runs the command line."""

from samspil.cli import main

main()
