"""Running it: the orchestrator (stages end to end, files written), batch runs, the command line."""
