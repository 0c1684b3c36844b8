#!/bin/busybox sh
# /init of the VM conformance guest (conformance/vm/image.ts packs it).
# Shares (virtio 9p): hostroot = this machine's / (read-only, under a tmpfs overlay, so the
# guest can write and nothing reaches the host), hostmods = the guest kernel's modules,
# out = the results folder (read-write), job = the job (read-only).
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci netfs fscache 9pnet 9pnet_virtio 9p overlay; do insmod /mods/$m.ko || echo "init: insmod $m failed"; done
KVER=$(uname -r)
mkdir -p /lower /rw /newroot
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 hostroot /lower || { echo "init: 9p root failed"; poweroff -f; }
mount -t tmpfs tmpfs /rw && mkdir -p /rw/upper /rw/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /newroot || { echo "init: overlay failed"; poweroff -f; }
mount -t proc proc /newroot/proc; mount -t sysfs sys /newroot/sys; mount -t devtmpfs dev /newroot/dev
mount -t tmpfs tmpfs /newroot/run; mount -t tmpfs tmpfs /newroot/tmp
mkdir -p /newroot/lib/modules/$KVER /newroot/tmp/out /newroot/tmp/job /newroot/run/netns
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 hostmods /newroot/lib/modules/$KVER
mount -t 9p -o trans=virtio,version=9p2000.L,rw,msize=262144 out /newroot/tmp/out
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 job /newroot/tmp/job
echo "init: running the job"
chroot /newroot /bin/sh /tmp/job/guest.sh
sync
echo "init: job done"
poweroff -f
