// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QSize>

class QString;

namespace ProcViz {

/// @p font, made smaller in steps until @p text (its lines as they are, no wrapping) fits into @p room;
/// never below @p smallestPointSize, where a projector's audience could no longer read it anyway.
QFont fittedFont(QFont font, const QString& text, QSize room, double smallestPointSize = 7);

} // namespace ProcViz
