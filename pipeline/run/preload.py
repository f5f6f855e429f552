"""Import the audio stages' signal libraries while the models load.

The audio stages import librosa's features and pitch tracker, SciPy's signal and clustering modules,
scikit-learn's mixtures and the syllable counter on first use, so that a transcript-file analysis never pays for
them. In a process that analyses audio, that first use came in the middle of the first analysis, on the
attribution thread, competing for the cores with transcription: about 3 CPU seconds on this 2-core machine
(2.4 s of it the modules' own import code, ``python -X importtime``). :func:`import_in_background` imports them
in a second thread while the main thread loads Whisper, spaCy and the ONNX models
(:func:`pipeline.run.orchestrate.load_models`), so the first analysis starts with them in place and the process
as a whole finishes sooner (``bench/end_to_end.py`` prints both).

Callers: ``rapport analyze`` on a recording, each batch worker's model loading, and the app's model loading.
"""

from __future__ import annotations

import importlib
import threading

#: The modules the audio stages import on first use (librosa's submodules load lazily, so the feature module
#: itself is named; it brings librosa.core and scipy.signal with it); ``tests/test_preload.py`` checks that an
#: analysis after :func:`import_in_background` imports no module of librosa, SciPy, scikit-learn or numba.
SIGNAL_MODULES: tuple[str, ...] = ("librosa.feature.spectral", "librosa.core.pitch", "scipy.signal",
                                   "scipy.cluster.hierarchy", "sklearn.mixture", "syllables")


def import_in_background(modules: tuple[str, ...] = SIGNAL_MODULES) -> threading.Thread:
    """Start importing ``modules`` in a daemon thread; return it (``join()`` it before the analysis starts).

    Parameters
    ----------
    modules : tuple of str
        Dotted module names; the default is :data:`SIGNAL_MODULES`.

    Returns
    -------
    threading.Thread
        The started thread. An import error there is raised again, where it belongs, by the stage that imports
        the module; joining first keeps the two threads from importing the same module at once.
    """
    thread = threading.Thread(target=_import_quietly, args=(modules,), name="rapport-imports", daemon=True)
    thread.start()
    return thread


def _import_quietly(modules: tuple[str, ...]) -> None:
    try:
        for name in modules:
            importlib.import_module(name)
    except ImportError:  # the stage that needs the module raises it again, with its own context
        pass
