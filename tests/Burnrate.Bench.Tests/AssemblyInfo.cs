// Bench tests measure milliseconds on loopback: run them one at a time so no other test class competes for the
// (two) cores while a timing assertion is being measured. The whole assembly still finishes in well under a minute.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
