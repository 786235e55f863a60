#!/usr/bin/env python3
"""The project's include rules, checked on every source file (CTest include_layers).

1. Every quoted #include names a file by its path from the repository root
   ("common/core/Result.h"), so the include path order can never pick the wrong file.
2. A library includes only the libraries below it (docs/architecture.md, Layers):
   common <- replication <- server;  common, replication <- client (sen_client)
   <- client/print (sen_print: paper, Qt Gui) and client/pdf (sen_pdf: PDF text, Qt PDF)
   <- client/cli (senctl's commands) and client/gui (sen's widgets).
3. The widgets stand on the application layer: no file of client/gui includes a header of
   the store or of SQLite's wrapper (common/store, common/sql).
Prints each violation as FILE:LINE: message and exits 1 when there is one.
"""
import os
import re
import subprocess
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
os.chdir(root)

CLIENT_LIB = ['client/app/', 'client/core/', 'client/forms/', 'client/sync/', 'client/views/']
# Folder prefix of the including file -> prefixes it may include (its own included).
ALLOWED = [
    ('common/', ['common/']),
    ('replication/', ['common/', 'replication/']),
    ('server/', ['common/', 'replication/', 'server/']),
    ('client/print/', ['common/', 'replication/', 'client/print/'] + CLIENT_LIB),
    ('client/pdf/', ['common/', 'replication/', 'client/pdf/'] + CLIENT_LIB),
    ('client/cli/', ['common/', 'replication/', 'client/print/', 'client/pdf/', 'client/cli/'] + CLIENT_LIB),
    ('client/senctl/', ['common/', 'replication/', 'client/pdf/', 'client/cli/'] + CLIENT_LIB),
    ('client/gui/', ['common/', 'replication/', 'client/print/', 'client/pdf/', 'client/gui/'] + CLIENT_LIB),
    ('client/sen/', ['common/', 'replication/', 'client/pdf/', 'client/gui/'] + CLIENT_LIB),
] + [(p, ['common/', 'replication/'] + CLIENT_LIB) for p in CLIENT_LIB]
FORBIDDEN = [
    ('client/gui/', ['common/store/', 'common/sql/'],
     'the widgets reach data through the application layer (client/app), never the store'),
]

include = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
files = subprocess.check_output(['git', 'ls-files', '*.h', '*.cpp']).decode().split()
problems = []
for path in files:
    if not os.path.exists(path):
        continue
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            m = include.match(line)
            if not m:
                continue
            target = m.group(1)
            where = f'{path}:{number}'
            if target.endswith('.moc'):
                continue
            if not os.path.isfile(target):
                problems.append(f'{where}: "{target}" is not a path from the repository root')
                continue
            for prefix, allowed in ALLOWED:
                if path.startswith(prefix) and not any(target.startswith(a) for a in allowed):
                    problems.append(f'{where}: {prefix} may not include {target}')
            for prefix, banned, why in FORBIDDEN:
                if path.startswith(prefix) and any(target.startswith(b) for b in banned):
                    problems.append(f'{where}: {target}: {why}')
print('\n'.join(problems))
print(f'{len(files)} files checked, {len(problems)} violations')
sys.exit(1 if problems else 0)
