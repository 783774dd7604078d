from legalaid.cli import main

raise SystemExit(main())
