#!/usr/bin/env python3
# tests/meta/check-screenshots.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-screenshots.py METAINFO DIR: every <image> of the metainfo names a
# PNG committed in DIR (made by build-aux/screenshots), and there is one.

import os
import sys
import xml.etree.ElementTree as ET


def main():
    metainfo, folder = sys.argv[1], sys.argv[2]
    images = [e.text.strip() for e in ET.parse(metainfo).getroot().iter('image')]
    if not images:
        print(f'{metainfo}: no screenshot', file=sys.stderr)
        return 1
    failed = 0
    for url in images:
        name = url.rsplit('/', 1)[-1]
        path = os.path.join(folder, name)
        with open(path, 'rb') if os.path.exists(path) else open(os.devnull, 'rb') as f:
            head = f.read(8)
        if head != b'\x89PNG\r\n\x1a\n':
            print(f'{metainfo}: {url}: no PNG {path} (run build-aux/screenshots)',
                  file=sys.stderr)
            failed = 1
    return failed


if __name__ == '__main__':
    sys.exit(main())
