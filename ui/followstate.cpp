// SPDX-License-Identifier: GPL-3.0-or-later
#include "followstate.h"

namespace ProcViz {

void FollowState::setFollowing(bool following)
{
    if (following == m_following)
        return;
    m_following = following;
    Q_EMIT followingChanged(following);
}

} // namespace ProcViz
