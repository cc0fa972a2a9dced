"""`python -m dlp.workers FD`: a pool's zygote, started by WorkerPool with its control socket as FD."""

import sys
from multiprocessing.connection import Connection

from dlp.workers.zygote import zygote_main

control = Connection(int(sys.argv[1]))
zygote_main(control, *control.recv())
