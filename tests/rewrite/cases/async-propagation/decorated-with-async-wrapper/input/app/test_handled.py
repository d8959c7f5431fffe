from app.commands import Unauthorized, handled


def test_a_command_of_its_own():
    @handled
    def refuse():
        raise Unauthorized()

    assert refuse() == "not authorized"
