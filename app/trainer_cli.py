"""`nplc trainer ...`, `nplc sign-in [NAME]` and `nplc migrate`: accounts and the database, from the terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from . import accounts
from .config import Settings


def add_commands(sub: argparse._SubParsersAction) -> None:
    sign_in = sub.add_parser("sign-in", help="print a fresh single-use sign-in link for a trainer")
    sign_in.add_argument("name", nargs="?", help="the trainer (default: the first administrator)")
    sign_in.add_argument("--database", help="database URL")
    migrate = sub.add_parser("migrate", help="bring the database up to date, then stop")
    migrate.add_argument("--database", help="database URL")
    trainer = sub.add_parser("trainer", help="trainer accounts: add, list, revoke, set a password")
    commands = trainer.add_subparsers(dest="trainer_command", required=True)
    add = commands.add_parser("add", help="make a trainer account and print its sign-in link")
    add.add_argument("name")
    add.add_argument("--admin", action="store_true", help="may see and run every trainer's sessions")
    add.add_argument("--password", action="store_true", help="also set a password (asked for, not shown)")
    revoke = commands.add_parser("revoke", help="sign a trainer out everywhere and cancel their links")
    revoke.add_argument("name")
    password = commands.add_parser("password", help="set (or, with --remove, remove) a trainer's password")
    password.add_argument("name")
    password.add_argument("--remove", action="store_true")
    disable = commands.add_parser("disable", help="refuse a trainer from now on (until enabled)")
    disable.add_argument("name")
    enable = commands.add_parser("enable", help="let a disabled trainer sign in again")
    enable.add_argument("name")
    commands.add_parser("list", help="list the trainer accounts")
    for each in (add, revoke, password, disable, enable, commands.choices["list"]):
        each.add_argument("--database", help="database URL")


def run(args: argparse.Namespace, settings_of: Callable[[argparse.Namespace], Settings]) -> int:
    from .store.db import make_engine

    settings = settings_of(args)
    engine = make_engine(settings.database_url)
    try:
        if args.command == "migrate":
            print(f"The database is up to date: {settings.database_url}")
            return 0
        if args.command == "sign-in":
            return _sign_in(engine, settings, args.name)
        commands = {"add": _add, "revoke": _revoke, "password": _password, "list": _list}
        commands |= {"disable": _disable, "enable": _disable}
        return commands[args.trainer_command](engine, settings, args)
    except accounts.AccountProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _link(engine, settings: Settings, trainer: accounts.Trainer) -> str:
    token = accounts.new_link(engine, trainer, settings.sign_in_minutes)
    return f"{settings.public_url}/sign-in?token={token}"


def _sign_in(engine, settings: Settings, name: str | None) -> int:
    trainer = accounts.find_trainer(engine, name) if name else accounts.first_admin(engine)
    print(_link(engine, settings, trainer))
    print(f"(for {trainer.name}; it works once, within {settings.sign_in_minutes} minutes)", file=sys.stderr)
    return 0


def _ask_password() -> str:
    first = getpass.getpass("Password (12 characters or more): ")
    if first != getpass.getpass("The same password again: "):
        raise accounts.AccountProblem("The two passwords were not the same; nothing was changed.")
    return first


def _add(engine, settings: Settings, args: argparse.Namespace) -> int:
    password = _ask_password() if args.password else None
    trainer = accounts.add_trainer(engine, args.name, admin=args.admin, password=password)
    kind = "administrator" if trainer.is_admin else "trainer"
    print(
        f"Added the {kind} '{trainer.name}'. Their sign-in link (works once, within "
        f"{settings.sign_in_minutes} minutes):"
    )
    print(_link(engine, settings, trainer))
    return 0


def _revoke(engine, settings: Settings, args: argparse.Namespace) -> int:
    ended = accounts.revoke(engine, args.name)
    print(f"Signed '{args.name}' out of {ended} browser(s) and cancelled their unused links.")
    return 0


def _password(engine, settings: Settings, args: argparse.Namespace) -> int:
    accounts.set_password(engine, args.name, None if args.remove else _ask_password())
    print(f"The password of '{args.name}' was {'removed' if args.remove else 'set'}.")
    return 0


def _disable(engine, settings: Settings, args: argparse.Namespace) -> int:
    disabled = args.trainer_command == "disable"
    accounts.set_disabled(engine, args.name, disabled)
    print(f"'{args.name}' is {'disabled and signed out everywhere' if disabled else 'enabled again'}.")
    return 0


def _list(engine, settings: Settings, args: argparse.Namespace) -> int:
    for name, admin, has_password, disabled in accounts.list_trainers(engine):
        notes = [n for n, on in (("administrator", admin), ("password", has_password), ("disabled", disabled)) if on]
        print(f"{name}" + (f"  ({', '.join(notes)})" if notes else ""))
    return 0
