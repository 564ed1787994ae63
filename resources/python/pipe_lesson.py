# Pipe: one process sends words, another receives
# them until the pipe is closed (EOFError).
# duplex: two peers greet each other and answer
# each greeting.
# Parameters: mode=oneway|duplex
#   messages=hello,pipe,example,data
#   send-ms=500 recv-ms=700 (oneway)
import json
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Pipe, Process, Queue

WORDS = "hello,pipe,example,data"

def send(end, words, seconds):
    for word in words:
        end.send(word)
        time.sleep(seconds)
    end.close()  # the receiver gets EOFError

def receive(end, writer, seconds, report):
    writer.close()  # else we hold a sending end
    heard = []
    while True:
        try:
            heard.append(end.recv())
        except EOFError:  # every sender closed
            break
        print("received", heard[-1], flush=True)
        time.sleep(seconds)
    report.put(heard)

def chat(end, i, words, seconds, report):
    me = f"peer {i}"
    for word in words:
        end.send(f"{me}: {word}")
        time.sleep(seconds)
    heard = [end.recv() for _ in words]
    for greeting in heard:
        end.send(f"{me}: re {greeting}")
    heard += [end.recv() for _ in words]
    print(me, "heard", heard, flush=True)
    report.put((me, heard))

def number(text):
    """argparse type: a whole number, 0 or more"""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)

def parameters():
    """name=value words; a bad one: exit code 2"""
    cli = ArgumentParser(usage=SUPPRESS,
                         allow_abbrev=False)
    add = cli.add_argument
    add("--mode", choices=["oneway", "duplex"],
        default="oneway")
    add("--messages", default=WORDS)
    add("--send-ms", type=number, default=500)
    add("--recv-ms", type=number, default=700)
    # workers=4 is read as --workers=4
    return cli.parse_args(
        ["--" + word for word in sys.argv[1:]])

if __name__ == "__main__":
    args = parameters()
    # "a, b" -> ["a", "b"]; empty: the default
    words = [w.strip() for w in
             (args.messages or WORDS).split(",")]
    words = [w for w in words if w]
    pause = args.send_ms / 1000  # seconds
    report = Queue()  # what the receivers heard

    if args.mode == "oneway":
        reader, writer = Pipe(duplex=False)
        a = Process(target=send,
                    args=(writer, words, pause))
        b = Process(target=receive, args=(
            reader, writer, args.recv_ms / 1000,
            report))
        a.start()
        b.start()
        writer.close()  # the parent keeps none
        received = report.get()
    else:
        one, other = Pipe()  # both send, receive
        a = Process(target=chat, args=(
            one, 0, words, pause, report))
        b = Process(target=chat, args=(
            other, 1, words, pause, report))
        a.start()
        b.start()
        received = dict(report.get()
                        for _ in range(2))
    a.join()
    b.join()

    print("result:", json.dumps({
        "mode": args.mode,
        "sent": words,
        "received": received}))
