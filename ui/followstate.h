// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace ProcViz {

/// Whether the live charts' time axes follow the newest data. One object shared by every chart: a zoom or
/// drag on any of them stops following on all of them, until the user asks for it back.
class FollowState : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);

Q_SIGNALS:
    void followingChanged(bool following);

private:
    bool m_following = true;
};

} // namespace ProcViz
