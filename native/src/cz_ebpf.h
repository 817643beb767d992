/*
 * eBPF instruction builders, the few the XDP program needs (the kernel's own are in its private
 * include/linux/filter.h, and there is no clang here to compile BPF C).
 *
 * Each macro is one struct bpf_insn, except CZ_LD_MAP_FD which is the two-slot 64-bit immediate load.
 * Jump offsets count instructions from the one after the jump.
 */
#ifndef CZ_EBPF_H
#define CZ_EBPF_H

#include <linux/bpf.h>

#define CZ_INSN(CODE, DST, SRC, OFF, IMM) \
    ((struct bpf_insn){ .code = (CODE), .dst_reg = (DST), .src_reg = (SRC), .off = (OFF), .imm = (IMM) })

/* dst = src (64-bit) */
#define CZ_MOV64_REG(DST, SRC) CZ_INSN(BPF_ALU64 | BPF_MOV | BPF_X, DST, SRC, 0, 0)
/* dst = imm (64-bit, sign-extended) */
#define CZ_MOV64_IMM(DST, IMM) CZ_INSN(BPF_ALU64 | BPF_MOV | BPF_K, DST, 0, 0, IMM)
/* dst OP= imm (64-bit), OP one of BPF_ADD, BPF_AND, BPF_LSH, ... */
#define CZ_ALU64_IMM(OP, DST, IMM) CZ_INSN(BPF_ALU64 | (OP) | BPF_K, DST, 0, 0, IMM)
/* dst OP= src (64-bit) */
#define CZ_ALU64_REG(OP, DST, SRC) CZ_INSN(BPF_ALU64 | (OP) | BPF_X, DST, SRC, 0, 0)
/* dst = *(SIZE *)(src + off), SIZE one of BPF_B, BPF_H, BPF_W, BPF_DW; zero-extended */
#define CZ_LDX_MEM(SIZE, DST, SRC, OFF) CZ_INSN(BPF_LDX | BPF_MEM | (SIZE), DST, SRC, OFF, 0)
/* if (dst OP src) goto +off (64-bit compare) */
#define CZ_JMP_REG(OP, DST, SRC, OFF) CZ_INSN(BPF_JMP | (OP) | BPF_X, DST, SRC, OFF, 0)
/* if (dst OP imm) goto +off (64-bit compare against the sign-extended imm) */
#define CZ_JMP_IMM(OP, DST, IMM, OFF) CZ_INSN(BPF_JMP | (OP) | BPF_K, DST, 0, OFF, IMM)
/* if ((u32)dst OP (u32)imm) goto +off: for 32-bit values whose top bit may be set */
#define CZ_JMP32_IMM(OP, DST, IMM, OFF) CZ_INSN(BPF_JMP32 | (OP) | BPF_K, DST, 0, OFF, IMM)
/* goto +off */
#define CZ_JA(OFF) CZ_INSN(BPF_JMP | BPF_JA, 0, 0, OFF, 0)
/* r0 = helper(r1, ..., r5) */
#define CZ_CALL(HELPER) CZ_INSN(BPF_JMP | BPF_CALL, 0, 0, 0, HELPER)
/* return r0 */
#define CZ_EXIT() CZ_INSN(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)
/* dst = map (two instructions: the loader replaces the fd with the map's address) */
#define CZ_LD_MAP_FD(DST, MAP_FD) \
    CZ_INSN(BPF_LD | BPF_DW | BPF_IMM, DST, BPF_PSEUDO_MAP_FD, 0, MAP_FD), CZ_INSN(0, 0, 0, 0, 0)

#endif
