from unittest.mock import AsyncMock, MagicMock

import pytest

from photos import PhotoService, add_to_new_album


@pytest.mark.asyncio
async def test_add_skips_a_duplicate_then_files_a_new_photo():
    service = PhotoService()
    library = MagicMock(upload=AsyncMock())
    service._library = library

    library.upload.return_value = None
    album = []
    assert await service.add("a.jpg", {"size": 1}, album) is None
    assert album == []

    library.upload.return_value = "p-2"
    assert await service.add("b.jpg", {"size": 2}, album) == "p-2"
    assert album == ["p-2"]
    library.upload.assert_called_with("b.jpg", {"size": 2})


@pytest.mark.asyncio
async def test_add_through_the_service():
    assert await add_to_new_album("new.jpg", {"size": 3}) == ["p-9"]
