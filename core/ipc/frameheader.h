// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace ProcViz {

enum FrameFlag : std::uint32_t
{
    Reply = 1, ///< an answer to a greeting (duplex)
    Over = 2, ///< no more greetings from this side (duplex); carries no message
};

/// What goes in front of every message on the pipe scenario's channel; the payload follows it.
struct FrameHeader
{
    std::uint32_t bytes; ///< payload after the header
    std::uint32_t flags;
    std::int64_t seq; ///< 1, 2, ... per sending side: the message id
    std::int64_t sentNs; ///< CLOCK_MONOTONIC when the sender handed it over (put it in its FrameWriter)
};

} // namespace ProcViz
