// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>

class QSocketNotifier;

namespace ProcViz {

/// What a program the engine runs (the Python runtime's interpreter and every process it forks, which share
/// its descriptors) writes to its standard output and error: caught in two pipes, read as it comes without
/// ever blocking the program for long, kept bounded, and told line by line.
class ProgramOutput : public QObject
{
    Q_OBJECT
public:
    enum class Stream
    {
        Out,
        Err,
    };
    /// Lines kept per stream; older ones are dropped and counted.
    static constexpr int MaxLines = 2000;
    /// A line longer than this is cut (and ends there).
    static constexpr int MaxLineLength = 4000;

    /// nullptr and @p error set when the pipes cannot be made.
    static std::unique_ptr<ProgramOutput> create(QString* error);
    ~ProgramOutput() override;

    /// The write end to hand to the program as @p stream's descriptor.
    int writeEnd(Stream stream) const;
    /// The program has its copies: the engine's go, so that the pipes end when the program's last process does.
    void closeWriteEnds();
    /// Reads what is left (the program has ended): call before looking at lines() for good.
    void drain();

    const QStringList& lines(Stream stream) const;
    int droppedLines(Stream stream) const;

Q_SIGNALS:
    void lineRead(ProcViz::ProgramOutput::Stream stream, const QString& line);

private:
    struct Pipe;
    ProgramOutput();
    void read(Stream stream, bool toTheEnd);
    void keep(Stream stream, const QByteArray& line);

    std::array<std::unique_ptr<Pipe>, 2> m_pipes;
};

} // namespace ProcViz
