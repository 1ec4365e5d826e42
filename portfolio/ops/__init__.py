"""The operations layer: the command line, back-up and restore, demo data and the benchmark
generator. It may use every feature."""
