// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QSize>

class QCPItemText;
class QString;

namespace ProcViz {

/// @p font, made smaller in steps until @p text (its lines as they are, no wrapping) fits into @p room;
/// never below @p smallestPointSize, where a projector's audience could no longer read it anyway.
QFont fittedFont(QFont font, const QString& text, QSize room, double smallestPointSize = 7);

/// Gives @p label @p font, shrunk so that the label's box, padding included, takes at most the given shares
/// of its plot's axis rect: a call-out must never hide the line it explains.
void fitIntoPlot(QCPItemText* label, const QFont& font, double widthShare, double heightShare);

} // namespace ProcViz
