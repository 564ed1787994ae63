# Pipe: one process sends words, another receives them
# until the pipe is closed (EOFError). duplex: two peers
# greet each other and answer each greeting.
# Parameters (name=value): mode=oneway|duplex
#   messages=hello,pipe,example,data (comma-separated)
#   send-ms=500 recv-ms=700 (oneway)
import json
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Pipe, Process, Queue


def send(end, words, seconds):
    for word in words:
        end.send(word)
        time.sleep(seconds)
    end.close()  # the receiver gets EOFError


def receive(end, writer, seconds, report):
    writer.close()  # else this process holds a sending end
    heard = []
    while True:
        try:
            heard.append(end.recv())
        except EOFError:  # every sending end is closed
            break
        print("received", heard[-1])
        time.sleep(seconds)
    report.put(heard)


def chat(end, me, words, seconds, report):
    for word in words:
        end.send(f"{me}: {word}")
        time.sleep(seconds)
    heard = [end.recv() for _ in words]  # greetings
    for greeting in heard:
        end.send(f"{me}: re {greeting}")
    heard += [end.recv() for _ in words]  # answers
    print(me, "heard", heard)
    report.put((me, heard))


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--mode", choices=["oneway", "duplex"],
                     default="oneway")
    cli.add_argument("--messages", default="")
    cli.add_argument("--send-ms", type=number, default=500)
    cli.add_argument("--recv-ms", type=number, default=700)
    args = cli.parse_args("--" + a for a in sys.argv[1:])
    words = [w.strip() for w in args.messages.split(",")]
    words = [w for w in words if w] or [
        "hello", "pipe", "example", "data"]
    send_s = args.send_ms / 1000
    recv_s = args.recv_ms / 1000
    report = Queue()  # what the receivers heard

    if args.mode == "oneway":
        reader, writer = Pipe(duplex=False)
        a = Process(target=send,
                    args=(writer, words, send_s))
        b = Process(target=receive,
                    args=(reader, writer, recv_s, report))
        a.start()
        b.start()
        writer.close()  # the parent keeps no sending end
        received = report.get()
    else:
        one, other = Pipe()  # each end sends and receives
        a = Process(target=chat, args=(
            one, "peer 0", words, send_s, report))
        b = Process(target=chat, args=(
            other, "peer 1", words, send_s, report))
        a.start()
        b.start()
        received = dict(report.get() for _ in range(2))
    a.join()
    b.join()

    print("result:", json.dumps({
        "mode": args.mode, "sent": words,
        "received": received}))
