"""Evidence of measures and their assignees' pages: file storage, the rules of adding evidence, the
status and evidence pages and downloads."""
