from .cli import main

if __name__ == "__main__":  # worker processes of `serve` import this module again as __mp_main__
    raise SystemExit(main())
