"""`runlift users create|list|disable`: the web app's accounts, for the operator."""

from __future__ import annotations

import sys

import typer

from runlift.entrypoints.cli.common import ListFormat, emit_json
from runlift.entrypoints.cli.context import core
from runlift.entrypoints.shapes.accounts import account_shape
from runlift.entrypoints.text.table import table
from runlift.services import accounts
from runlift.services.suggest import parse_enum

commands = typer.Typer()
users_app = typer.Typer(help="Accounts of the web app and API.", no_args_is_help=True)
commands.add_typer(users_app, name="users")


def _password(from_stdin: bool) -> str:
    """The password from the first line of stdin, or asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    answer: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return answer


@users_app.command("create")
def create(
    email: str = typer.Argument(..., help="The account's e-mail address (its sign-in name)."),
    name: str = typer.Option(..., "--name", help="The name people see."),
    role: str = typer.Option("athlete", "--role", help="athlete, coach or both."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from stdin instead of asking."
    ),
) -> None:
    """Create an account; an athlete gets an athlete of their own (no plan until a profile)."""
    password = _password(password_stdin)
    account = accounts.sign_up(core().uow_factory(), email, password, name, role, core().now())
    roles = ", ".join(account_shape(account).roles)
    sys.stdout.write(f"created account {account.id}: {account.email} ({roles})\n")


@users_app.command("list")
def list_users(fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """Every account, oldest first."""
    output = parse_enum(ListFormat, fmt, "--format")
    found = accounts.list_accounts(core().uow_factory())
    if output is ListFormat.JSON:
        emit_json([account_shape(a) for a in found])
        return
    rows = [
        (
            str(a.id),
            a.email,
            a.name,
            ", ".join(account_shape(a).roles),
            "-" if a.athlete_id is None else str(a.athlete_id),
            "disabled" if a.disabled else "active",
        )
        for a in found
    ]
    sys.stdout.write(table(("id", "email", "name", "roles", "athlete", "status"), rows))


@users_app.command("disable")
def disable(email: str = typer.Argument(..., help="The account's e-mail address.")) -> None:
    """Disable an account: its tokens stop working at once."""
    account = accounts.set_account_disabled(core().uow_factory(), email)
    sys.stdout.write(f"disabled account {account.id}: {account.email}\n")
