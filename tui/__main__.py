from .cli import main

# Guarded: the worker processes of a parallel ingest, spawned from `python -m tui`, import this
# module again (as `__mp_main__`) and must not start a second natotui.
if __name__ == "__main__":
    raise SystemExit(main())
