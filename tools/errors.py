"""The one error type users see: a one-line message naming the problem, never a traceback."""


class V2MError(Exception):
    """A problem the user can fix (bad input, missing file or extra); its message is one line."""


class InputError(V2MError):
    """The input video, image or request cannot be used."""


class MissingDependency(V2MError):
    """An optional extra, model or system package is missing; the message says how to get it."""
