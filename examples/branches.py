# Values the analysis cannot know: both branches are followed, loops run one generic iteration.
def group(rows, key):
    seen = []
    for row in rows:
        item = [row]
        seen.append(item)
    if key is None:
        raise ValueError("no key")
    if key:
        chosen = seen
    else:
        chosen = []
    result = chosen
    return result
