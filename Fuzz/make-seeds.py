#!/usr/bin/env python3
"""Writes the seed corpora under Fuzz/corpus/TARGET/ from the golden vectors
(Protocol/vectors/frames.txt, codec.txt) and from small hand-written CSV files that follow
Sources/DemoData/RegistryCSVFormat.swift and EvaluationCSVFormat.swift.

    python3 Fuzz/make-seeds.py          # rewrites Fuzz/corpus/{fuzz-frames,fuzz-codec,fuzz-connection,fuzz-csv}

Seed files are named by content hash, as libFuzzer names what it adds, so running this again
changes nothing unless the vectors did. Input layouts are described at the top of each target's
source (Fuzz/Sources/fuzz-*/).
"""
import hashlib
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..", "Protocol", "vectors")
CORPUS = os.path.join(HERE, "corpus")


def blocks(name):
    """Blocks of a vector file (VectorFile.swift's format): `key: value` lines, blank-line separated."""
    out, current = [], {}
    with open(os.path.join(VECTORS, name), encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("#"):
                continue
            if not line.strip():
                if current:
                    out.append(current)
                current = {}
                continue
            if ":" in line:
                key, value = line.split(":", 1)
                current[key] = value.strip()
    if current:
        out.append(current)
    return out


def write(target, data):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


# Protocol pieces (SPEC.md §3, §4).
def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field_bytes(number, data):
    return varint(number << 3 | 2) + varint(len(data)) + data


def field_varint(number, value):
    return varint(number << 3) + varint(value) if value else b""


def frame(kind, stream, payload=b"", flags=0):
    return struct.pack(">IBBI", len(payload), kind, flags, stream) + payload


SETTINGS, HEADERS, MESSAGE, TRAILERS, CANCEL, PING, GOAWAY, WINDOW_UPDATE, END_STREAM = range(9)
END, MORE, ACK = 1, 2, 1


def headers(method, timeout=0, metadata=()):
    payload = field_bytes(1, method.encode()) + field_varint(2, timeout)
    for key, value in metadata:
        payload += field_bytes(3, field_bytes(1, key.encode()) + field_bytes(2, value.encode()))
    return payload


def echo(payload=b"", text="", count=0, delay=0):
    return (field_bytes(1, payload) if payload else b"") + (field_bytes(2, text.encode()) if text else b"") \
        + field_varint(3, count) + field_varint(4, delay)


def settings(**fields):
    numbers = {"protocolVersion": 1, "maximumFrameSize": 2, "maximumConcurrentStreams": 3, "initialWindowSize": 4,
               "maximumMessageSize": 5, "maximumMetadataSize": 6, "idleTimeoutMilliseconds": 7}
    return b"".join(field_varint(numbers[k], v) for k, v in fields.items())


def main():
    frame_vectors = [b for b in blocks("frames.txt") if b.get("type") != "preface"]
    frame_bytes = [bytes.fromhex(b["hex"]) for b in frame_vectors]

    # fuzz-frames: [limit selector, longest read, seed, seed] + stream.
    stream = b"".join(frame_bytes)
    write("fuzz-frames", bytes([1, 0, 0, 0]) + stream)
    write("fuzz-frames", bytes([1, 7, 0, 42]) + stream)
    write("fuzz-frames", bytes([0, 1, 0, 0]) + stream[:200])
    write("fuzz-frames", bytes([6, 3, 1, 2]) + stream[:300])  # limit 64: frameTooLarge
    for data in frame_bytes:
        write("fuzz-frames", bytes([1, 0, 0, 0]) + data)

    # fuzz-codec: a message's encoded fields.
    seen = set()
    for block in blocks("codec.txt") + frame_vectors:
        data = bytes.fromhex(block.get("hex", "") if "message" in block else block.get("payload-hex", ""))
        if data not in seen:
            seen.add(data)
            write("fuzz-codec", data)

    # fuzz-connection: [flags, longest read, seed, seed] + the client's frames after its preface.
    client = frame(SETTINGS, 0, settings(initialWindowSize=262144))
    health = frame(HEADERS, 1, headers("jcskills.Health/Check", 5_000_000, [("request-id", "00000000075bcd15")])) \
        + frame(MESSAGE, 1, b"", END)
    conversations = [
        client + health,
        client + health + frame(PING, 0, bytes(range(8))) + frame(GOAWAY, 0, field_varint(1, 1)),
        # Unary echo, then an unknown method and a refused stream id.
        client + frame(HEADERS, 1, headers("jcskills.Echo/Echo")) + frame(MESSAGE, 1, echo(b"\x00\x01\x02", "晋城"), END)
        + frame(HEADERS, 3, headers("jcskills.Nope/Nothing")) + frame(HEADERS, 2, headers("jcskills.Echo/Echo")),
        # Server streaming: three answers, credit returned.
        client + frame(HEADERS, 1, headers("jcskills.Echo/Expand")) + frame(MESSAGE, 1, echo(b"abc", count=3), END)
        + frame(WINDOW_UPDATE, 1, struct.pack(">I", 1024)),
        # Client streaming: a message in two fragments, another, END_STREAM frame.
        client + frame(HEADERS, 1, headers("jcskills.Echo/Collect")) + frame(MESSAGE, 1, echo(b"0123456789")[:5], MORE)
        + frame(MESSAGE, 1, echo(b"0123456789")[5:]) + frame(MESSAGE, 1, echo(text="x")) + frame(END_STREAM, 1),
        # Bidirectional: messages, a cancel, an unknown frame type.
        client + frame(HEADERS, 1, headers("jcskills.Echo/Update", 1_000_000)) + frame(MESSAGE, 1, echo(text="one"))
        + frame(MESSAGE, 1, echo(text="two")) + frame(HEADERS, 3, headers("jcskills.Echo/Update"))
        + frame(MESSAGE, 3, echo(count=1)) + frame(CANCEL, 3, field_varint(1, 4)) + frame(0x2A, 9, b"??")
        + frame(MESSAGE, 1, b"", END),
        # A delayed echo, a message larger than the tight limits, a too-large frame.
        client + frame(HEADERS, 1, headers("jcskills.Echo/Echo")) + frame(MESSAGE, 1, echo(delay=5), END)
        + frame(HEADERS, 3, headers("jcskills.Echo/Echo")) + frame(MESSAGE, 3, echo(b"z" * 300), END)
        + struct.pack(">IBBI", 0x7FFFFFFF, MESSAGE, 0, 5),
        # Protocol errors: a frame before SETTINGS, TRAILERS from a client, a bad WINDOW_UPDATE.
        frame(PING, 0, bytes(8)) + client,
        client + frame(TRAILERS, 1, b""),
        client + frame(HEADERS, 1, headers("jcskills.Echo/Update")) + frame(WINDOW_UPDATE, 1, b"\x01"),
    ]
    for index, conversation in enumerate(conversations):
        write("fuzz-connection", bytes([0, 0, 0, 0]) + conversation)
        write("fuzz-connection", bytes([1, 5 + index, 0, index]) + conversation)
    write("fuzz-connection", bytes([0x06, 0, 0, 0]) + health)  # SETTINGS by flag, then the 11 s timeout
    write("fuzz-connection", bytes([0x04, 0, 0, 0]))  # preface only: the handshake timeout
    write("fuzz-connection", bytes([0x08, 3, 0, 1]) + b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    write("fuzz-connection", bytes([0x08, 1, 0, 2]) + b"JCS/1\r\n\n" + client + health)

    # fuzz-csv: whole small files, header first.
    csv_files = [
        "id_number,name,gender,residence_county,category,key_groups,education,employment,occupation,"
        "occupation_name,training_wish,training_wish_name,training_mode,phone,stage,registered_on\n"
        "140524199001011239,王芳,female,140524,rural,poor_labour;disabled,senior_secondary,employed,6-30-05-01,"
        "\"焊工, 电焊\",6-18-02-04,\"say \"\"hi\"\"\",online,13800138000,1,2020-07-01\n"
        "14052419900101123X,李 强 ,男,140524,农村劳动力,,初中,求职,,,,,线下,13900139000,,20200701\r\n"
        "\n",
        "\ufeffcredit_code,name,county,industry,staff_count,above_designated_size\n"
        "91140500MA0GRXXX1X,晋城煤业,140502,煤炭开采,1200,true\n"
        "91140500MA0GRXXX2Y,\"A, B & Co\",140581,制造,12,否\n",
        "credit_code,occupation,occupation_name,skill_level,year,headcount\n"
        "91140500MA0GRXXX1X,6-18-02-04,焊工,5,2021,30\n",
        "code,name,type,county,enterprise_credit_code,scope\n"
        "JC-001,晋城市技能鉴定中心,city_centre,140500,,6-18-02-04:5/4/3;4-07-05-01:2\n",
        "number,institution,kind,occupation,occupation_name,level,operation,holder_id_number,holder_name,"
        "employer,county,issued_on,pre_system\n"
        "S000123,JC-001,skill_level,6-18-02-04,焊工,3,,140524199001011239,王芳,91140500MA0GRXXX1X,140524,2021-05-04,false\n"
        "S000124,JC-001,特种作业操作证,,,,OP-1,140524199001011239,王芳,,,19991231,是\n",
        "a,\"b\"c\n\"unterminated\nx\"y\n",
    ]
    for text in csv_files:
        write("fuzz-csv", text.encode("utf-8"))


if __name__ == "__main__":
    main()
