import functools
from typing import Any, Callable, Type, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])


class HttpError(Exception):
    def __init__(self, message="", code=None):
        super().__init__(message)
        self.message = message
        self.code = code


class HookTestError(HttpError):
    pass


def on_http_error(error: Type[HttpError]) -> Callable[[F], F]:
    def wrap(f: F) -> F:
        @functools.wraps(f)
        async def wrapped_f(*args: Any, **kwargs: Any) -> Any:
            try:
                return await f(*args, **kwargs)
            except HttpError as e:
                raise error(e.message, e.code) from e

        return cast(F, wrapped_f)

    return wrap
