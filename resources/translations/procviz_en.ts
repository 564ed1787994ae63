<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ProcViz::RunCommand</name>
    <message numerus="yes">
        <source>
Over %n run(s)
</source>
        <translation>
            <numerusform>
Over %n run
</numerusform>
            <numerusform>
Over %n runs
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcViz::RunController</name>
    <message numerus="yes">
        <source>The run passed its time limit of %n second(s) and was stopped.</source>
        <translation>
            <numerusform>The run passed its time limit of %n second and was stopped.</numerusform>
            <numerusform>The run passed its time limit of %n seconds and was stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>worker %1 · pid %2 used up its CPU-time limit of %n second(s) (SIGXCPU).</source>
        <translation>
            <numerusform>worker %1 · pid %2 used up its CPU-time limit of %n second (SIGXCPU).</numerusform>
            <numerusform>worker %1 · pid %2 used up its CPU-time limit of %n seconds (SIGXCPU).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No worker made progress for %n second(s).</source>
        <translation>
            <numerusform>No worker made progress for %n second.</numerusform>
            <numerusform>No worker made progress for %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The program started more than %n process(es); the run was stopped.</source>
        <translation>
            <numerusform>The program started more than %n process; the run was stopped.</numerusform>
            <numerusform>The program started more than %n processes; the run was stopped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcViz::RunReport</name>
    <message numerus="yes">
        <source>%n live</source>
        <translation>
            <numerusform>%n live</numerusform>
            <numerusform>%n live</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more …</source>
        <translation>
            <numerusform>… %n more …</numerusform>
            <numerusform>… %n more …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more event(s); --trace keeps them all …</source>
        <translation>
            <numerusform>… %n more event; --trace keeps them all …</numerusform>
            <numerusform>… %n more events; --trace keeps them all …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcViz::Scenario</name>
    <message numerus="yes">
        <source>No consumer is left: %n producer(s) wait for a free slot in the full queue.</source>
        <translation>
            <numerusform>No consumer is left: %n producer waits for a free slot in the full queue.</numerusform>
            <numerusform>No consumer is left: %n producers wait for a free slot in the full queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A producer died before the end-of-stream sentinel was put: %n consumer(s) wait on an empty queue forever.</source>
        <translation>
            <numerusform>A producer died before the end-of-stream sentinel was put: %n consumer waits on an empty queue forever.</numerusform>
            <numerusform>A producer died before the end-of-stream sentinel was put: %n consumers wait on an empty queue forever.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcViz::TimingPanel</name>
    <message numerus="yes">
        <source>ideal with %n core(s): %1 s</source>
        <translation>
            <numerusform>ideal with %n core: %1 s</numerusform>
            <numerusform>ideal with %n cores: %1 s</numerusform>
        </translation>
    </message>
</context>
</TS>
