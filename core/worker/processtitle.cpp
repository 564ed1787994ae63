// SPDX-License-Identifier: GPL-3.0-or-later
#include "processtitle.h"

#include <cstring>

namespace ProcViz {

ProcessTitle::ProcessTitle(int argc, char** argv)
{
    if (argc < 1 || !argv[0])
        return;
    m_begin = argv[0];
    char* end = argv[0] + std::strlen(argv[0]) + 1;
    // The kernel lays the strings out one after another; stop at anything that is not (a wrapper may not).
    for (int i = 1; i < argc && argv[i] == end; ++i)
        end += std::strlen(argv[i]) + 1;
    m_size = end - m_begin;
}

bool ProcessTitle::set(const QByteArrayList& arguments)
{
    if (m_size == 0)
        return false;
    // The last byte stays NUL: a non-NUL one there would make the kernel read on into the environment.
    std::memset(m_begin, 0, size_t(m_size));
    qsizetype used = 0;
    for (const auto& argument : arguments) {
        if (used + argument.size() + 1 > m_size) {
            if (used < m_size - 1)
                std::memcpy(m_begin + used, argument.constData(), size_t(m_size - 1 - used));
            return false;
        }
        std::memcpy(m_begin + used, argument.constData(), size_t(argument.size()));
        used += argument.size() + 1;
    }
    return true;
}

} // namespace ProcViz
