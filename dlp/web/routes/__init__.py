"""The review UI's routes, one router per concern."""
