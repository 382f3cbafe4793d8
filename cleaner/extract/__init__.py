"""Main-content extraction from a parsed HTML page: text blocks, the article's container,
and the fallback to trafilatura where our own choice is doubtful."""
