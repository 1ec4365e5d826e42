"""Import of the application register from CSV or XLSX in the export's own column layout.

``reading`` turns a file into numbered rows by header (or refuses it), ``cells`` reads one cell as
its field, ``preview`` checks every row against the register without writing, ``writing`` applies a
valid preview through the services; ``forms``, ``uploads`` and ``views`` are the pages around it.
"""
