def response_content(response, chunk_size=1024):
    """The body of a streamed response, read in chunks."""
    content = b""
    for chunk in response.iter_content(chunk_size=chunk_size):
        content += chunk
    return content
