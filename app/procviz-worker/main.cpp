// SPDX-License-Identifier: GPL-3.0-or-later
#include "worker/workermain.h"

int main(int argc, char** argv)
{
    return ProcViz::workerMain(argc, argv);
}
