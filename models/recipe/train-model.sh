#!/bin/sh
# npm run train-model -- [train.py options]: trains and exports models/selaras-mini-id-en.
# Needs a Python 3 with torch, sentencepiece and onnx; installs nothing itself. It uses $PYTHON if set, else
# /usr/bin/python3 (where Debian's python3-torch, python3-sentencepiece and python3-onnx live), else python3.
here=$(dirname "$0")
for py in "${PYTHON:-}" /usr/bin/python3 python3; do
  [ -n "$py" ] || continue
  if "$py" -c 'import torch, sentencepiece, onnx' >/dev/null 2>&1; then
    exec "$py" "$here/train.py" "$@"
  fi
done
echo "train-model: no Python 3 with torch, sentencepiece and onnx found." >&2
echo "On Debian or Ubuntu: sudo apt-get install python3-torch python3-sentencepiece python3-onnx" >&2
echo "(or set PYTHON=/path/to/python3 with those modules)" >&2
exit 1
