// SPDX-License-Identifier: GPL-3.0-or-later
#include "worker/spawnermain.h"
#include "worker/workermain.h"

#include <cstring>

int main(int argc, char** argv)
{
    // One program, two modes: the engine starts it once a run as the spawner, which then clones each worker.
    if (argc >= 2 && std::strcmp(argv[1], "--spawner") == 0)
        return ProcViz::spawnerMain(argc, argv);
    return ProcViz::workerMain(argc, argv);
}
